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

        // These tests exercise the emulator, not storage: the app needs storage settings to start,
        // and answers its health and version functions without reaching the (absent) account.
        options.Environment["Meshery__Provider__Storage__ConnectionString"] = "UseDevelopmentStorage=true";
        options.Environment["Meshery__Provider__Storage__CredentialKey"] = Convert.ToBase64String(new byte[32]);

        return options;
    }
}
