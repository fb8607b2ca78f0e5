using Microstructure.Cli;
using Microstructure.Cli.Output;

// SIGINT and SIGTERM are handled from the very start, so that no run can begin before a signal would stop it cleanly.
using var signals = TerminationSignals.Listen(Console.Error);
return CliApp.Run(args, Console.Out, Console.Error, signals);
