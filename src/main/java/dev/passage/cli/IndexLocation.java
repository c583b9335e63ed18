package dev.passage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the index is: the one option every command that reads an index takes. */
final class IndexLocation {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Folder of the index. Default: ${DEFAULT-VALUE}.",
      defaultValue = "index")
  Path index;
}
