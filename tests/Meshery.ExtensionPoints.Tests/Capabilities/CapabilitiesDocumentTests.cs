using System.Text.Json;
using System.Text.RegularExpressions;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Json;
using Meshery.Testing.Paths;

namespace Meshery.ExtensionPoints.Tests.Capabilities;

public sealed partial class CapabilitiesDocumentTests
{
    [Fact]
    public void Every_feature_name_of_the_reference_contract_is_known()
    {
        var contract = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "..", "shared", "reference", "provider-contract.md"));
        var section = contract[contract.IndexOf("`capabilities[]`", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("Plain string match", StringComparison.Ordinal)];
        var names = FeatureName().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.True(names.Count >= 30, $"only {names.Count} names read from the contract");
        Assert.Equal(names.Order(), Features.All.Order());
    }

    [Fact]
    public void A_full_document_round_trips_and_reads_older_snake_case()
    {
        const string snake = """
            {
              "provider_type": "remote", "package_version": "v1.2.3", "package_url": "https://cdn/x.tgz",
              "provider_name": "Acme", "provider_description": ["one", "two"], "provider_url": "https://acme",
              "extensions": {
                "navigator": [{"title": "Designer", "on_click_callback": 1, "href": {"uri": "/extension/designer", "external": false},
                  "component": "x.js", "icon": "i.svg", "link": true, "show": true, "is_beta": true, "type": "full_page",
                  "allowed_to": {"designer": {"design": true, "save_as": true, "un_deploy": true}, "visualizer": true}, "children": []}],
                "user_prefs": [{"component": "p.js", "type": "component"}],
                "account": [{"title": "Profile", "href": {"uri": "/account", "external": true}, "show": true}],
                "collaborator": [{"component": "c.js"}],
                "graphql": []
              },
              "capabilities": [{"feature": "sync-prefs", "endpoint": "/user/preferences"}, {"feature": "persist-events"}],
              "restricted_access": {"is_meshery_ui_restricted": true, "allowed_components": {"navigator": {"dashboard": true}, "header": {"settings": false}}},
              "redirects": {"/extension/old": "/extension/new"}
            }
            """;

        var document = JsonSerializer.Deserialize<CapabilitiesDocument>(snake, MesheryJson.Options)!;
        var written = JsonSerializer.Serialize(document, MesheryJson.Options);
        var again = JsonSerializer.Deserialize<CapabilitiesDocument>(written, MesheryJson.Options)!;

        Assert.Equal("remote", document.ProviderType);
        Assert.Equal("v1.2.3", document.PackageVersion);
        Assert.True(document.Extensions.Navigator[0].IsBeta);
        Assert.True(document.Extensions.Navigator[0].AllowedTo!.Designer!.SaveAs);
        Assert.True(document.Extensions.Navigator[0].AllowedTo!.Visualizer);
        Assert.True(document.RestrictedAccess!.IsMesheryUiRestricted);
        Assert.True(document.RestrictedAccess.AllowedComponents!.Navigator["dashboard"]);
        Assert.Equal("/extension/new", document.Redirects!["/extension/old"]);
        Assert.True(document.Supports(Features.PersistEvents));
        Assert.Equal("/user/preferences", document.EndpointOf(Features.SyncPrefs));
        Assert.Null(document.EndpointOf(Features.Workspaces));
        Assert.Contains("\"providerType\":\"remote\"", written, StringComparison.Ordinal);
        Assert.Contains("\"isMesheryUiRestricted\":true", written, StringComparison.Ordinal);
        Assert.DoesNotContain("provider_type", written, StringComparison.Ordinal);
        Assert.Equal(written, JsonSerializer.Serialize(again, MesheryJson.Options));
    }

    [GeneratedRegex("`([a-z][a-z-]+)`")]
    private static partial Regex FeatureName();
}
