package dev.passage.cli;

import picocli.CommandLine.Option;

/** The seed of the random samples that eval years and eval topics draw for hand judgement. */
final class SeedOption {

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description = "Seed of the random draws. Default: ${DEFAULT-VALUE}.",
      defaultValue = "18")
  long seed;
}
