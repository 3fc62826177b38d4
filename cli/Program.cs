using Meshery.Cli;
using Meshery.Cli.Console;

return await MesheryCli.InvokeAsync(args, CliConsole.FromSystem(), CancellationToken.None);
