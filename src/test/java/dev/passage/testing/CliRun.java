package dev.passage.testing;

import dev.passage.cli.PassageCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the command line in the test's JVM, as a person types it: its exit code and what it
 * printed; a failure is printed as {@code passage: MESSAGE} with exit code 2, as the launcher's
 * {@code main} does.
 */
public record CliRun(int code, String out, String err) {

  public static CliRun of(List<String> args) {
    return of(args.toArray(String[]::new));
  }

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PassageCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      commandLine.getErr().println("passage: " + e.getMessage());
      return 2;
    });
    return new CliRun(cli.execute(args), out.toString(), err.toString());
  }
}
