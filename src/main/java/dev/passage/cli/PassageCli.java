package dev.passage.cli;

import dev.passage.index.RulesFingerprint;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code passage} command: index articles, serve them, search them from the terminal. */
@Command(
    name = "passage",
    mixinStandardHelpOptions = true,
    versionProvider = PassageCli.Version.class,
    description = "Paragraph search with facets for news archives.",
    subcommands = {
      IndexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      ServeTrainingCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PassageCli implements Runnable {

  /**
   * Lucene logs through java.util.logging that it could use the incubating vector API; Passage does
   * not need it, so the notice is only noise on every start. JUL holds loggers weakly, hence the
   * field.
   */
  private static final Logger LUCENE_VECTORIZATION =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
    RulesFingerprint.prepareMeanwhile();
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status; for tests. */
  public static int run(String... args) {
    return new CommandLine(new PassageCli())
        .setExecutionExceptionHandler((e, commandLine, parsed) -> {
          // A person reads this: the message, not a stack trace.
          String message = e.getMessage() == null ? e.toString() : e.getMessage();
          commandLine.getErr().println("passage: " + message);
          commandLine.getErr().flush();
          return 2;
        })
        .execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PassageCli.class.getPackage().getImplementationVersion();
      return new String[] {"Passage " + (version == null ? "(development build)" : version)};
    }
  }
}
