using Meshery.Agent.Hosting;

await AgentApplication.Build(args).RunAsync();
