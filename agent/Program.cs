using Meshery.Agent.Hosting;

if (AgentHealthProbe.IsRequested(args))
{
    return await AgentHealthProbe.RunAsync(args[1..], Console.Error, CancellationToken.None);
}

await AgentApplication.Build(args).RunAsync();
return 0;
