package dev.passage.cli;

import dev.passage.index.RulesFingerprint;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code passage} command: index articles, serve them, search them from the terminal. */
@Command(
    name = "passage",
    mixinStandardHelpOptions = true,
    versionProvider = PassageCli.Version.class,
    description = "Paragraph search with facets for news archives.")
public final class PassageCli implements Runnable {

  /**
   * The subcommands, in the order help lists them. picocli reads each one's options by reflection
   * as it is added, about a tenth of a second for all of them at every start, so a command line
   * that names one gets that one only.
   */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          IndexCommand.class,
          ServeCommand.class,
          SearchCommand.class,
          EvalCommand.class,
          BenchCommand.class,
          ServeTrainingCommand.class,
          CommandLine.HelpCommand.class);

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
    return commandLine(args)
        .setExecutionExceptionHandler((e, commandLine, parsed) -> {
          // A person reads this: the message, not a stack trace.
          String message = e.getMessage() == null ? e.toString() : e.getMessage();
          commandLine.getErr().println("passage: " + message);
          commandLine.getErr().flush();
          return 2;
        })
        .execute(args);
  }

  /** The whole command line, every subcommand in it. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for {@code args}: the subcommand their first word names, or every subcommand
   * when it names none of them or asks for help, so that usage, help and "did you mean" see all.
   */
  public static CommandLine commandLine(String... args) {
    String named = args.length > 0 ? args[0] : "";
    Optional<Class<?>> only =
        SUBCOMMANDS.stream()
            .filter(command -> command != CommandLine.HelpCommand.class)
            .filter(command -> command.getAnnotation(Command.class).name().equals(named))
            .findFirst();
    CommandLine cli = new CommandLine(new PassageCli());
    for (Class<?> command : only.<List<Class<?>>>map(List::of).orElse(SUBCOMMANDS)) {
      cli.addSubcommand(command);
    }
    return cli;
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
