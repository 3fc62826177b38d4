using Meshery.Provider.Hosting;

await ProviderHost.Build(args).RunAsync();
