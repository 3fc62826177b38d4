namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>UI extension points a provider plugs into Meshery's UI.</summary>
public sealed record ProviderExtensions
{
    public IReadOnlyList<NavigatorExtension> Navigator { get; set; } = [];

    public IReadOnlyList<UserPrefsExtension> UserPrefs { get; set; } = [];

    public IReadOnlyList<GraphqlExtension> Graphql { get; set; } = [];

    public IReadOnlyList<AccountExtension> Account { get; set; } = [];

    public IReadOnlyList<CollaboratorExtension> Collaborator { get; set; } = [];
}
