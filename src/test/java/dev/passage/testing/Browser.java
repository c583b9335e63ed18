package dev.passage.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through its chromedriver, for the browser tests. The binaries
 * come from {@code scripts/install-browsers} (run by {@code ./passage test}); nothing is downloaded
 * here. {@code -Dpassage.chromium=…} and {@code -Dpassage.chromedriver=…} point elsewhere.
 */
public final class Browser implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a fresh headless browser with an empty profile in {@code profile}. */
  public static Browser start(Path profile) {
    File chromium = new File(System.getProperty("passage.chromium", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("passage.chromedriver", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "the browser tests need "
              + chromium
              + " and "
              + chromedriver
              + "; run scripts/install-browsers (./passage test does)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The open shadow root of the first element matching {@code hostSelector}. */
  public SearchContext shadow(String hostSelector) {
    return waitFor(d -> d.findElement(By.cssSelector(hostSelector)).getShadowRoot());
  }

  /** Elements inside the shadow root of {@code hostSelector}. */
  public List<WebElement> inShadow(String hostSelector, String css) {
    return shadow(hostSelector).findElements(By.cssSelector(css));
  }

  /** Runs {@code js} at the start of every page this browser opens from now on. */
  public void onEveryPage(String js) {
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", js));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Waits until {@code condition} gives something other than null or false. */
  public <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(condition::apply);
  }

  /** Writes a PNG of the whole page, up to {@code maxHeight} pixels tall, to {@code file}. */
  public void screenshot(Path file, int maxHeight) throws java.io.IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Number height = (Number) script("return document.documentElement.scrollHeight;");
    Dimension before = driver.manage().window().getSize();
    resize(before.getWidth(), Math.min(maxHeight, height.intValue() + 140));
    try {
      Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
