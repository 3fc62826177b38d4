namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>One conformant double shared by a test collection; tests isolate by using fresh tokens.</summary>
public sealed class ProviderDoubleFixture : IAsyncLifetime
{
    private ProviderDouble? _double;

    public Uri BaseAddress => (_double ?? throw new InvalidOperationException("not started")).BaseAddress;

    public async ValueTask InitializeAsync() => _double = await ProviderDouble.StartAsync(null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_double is not null)
        {
            await _double.DisposeAsync();
        }
    }
}
