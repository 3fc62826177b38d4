using Meshery.Testing.Tokens;

namespace Meshery.Testing.Functions.Tests;

/// <summary>Emulator options that run the provider's Functions app with the settings it needs to start.</summary>
internal static class ProviderAppOptions
{
    public static FunctionsHostOptions Create(TestTokenIssuer tokens, TimeSpan? terminateGracePeriod = null)
    {
        var options = new FunctionsHostOptions { AppDirectory = FunctionsAppLocator.Locate() };
        if (terminateGracePeriod is { } grace)
        {
            options = new FunctionsHostOptions { AppDirectory = options.AppDirectory, TerminateGracePeriod = grace };
        }

        foreach (var (key, value) in tokens.ProviderSettings("__"))
        {
            options.Environment[key] = value;
        }

        return options;
    }
}
