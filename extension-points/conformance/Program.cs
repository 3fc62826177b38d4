using Meshery.ExtensionPoints.Conformance.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await ConformanceCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
