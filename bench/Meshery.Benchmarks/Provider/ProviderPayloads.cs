using System.Globalization;

namespace Meshery.Benchmarks.Provider;

/// <summary>Request bodies shaped like what a Meshery server sends (sizes close to real ones).</summary>
internal static class ProviderPayloads
{
    /// <summary>About 1.5 KB of preferences: adapters, Grafana and Prometheus, load-test and dashboard settings.</summary>
    public const string Preferences = """
        {
          "meshAdapters": [
            { "adapter_location": "meshery-istio:10000", "name": "ISTIO", "version": "v0.7.3", "git_commit_sha": "8c5d1e6", "ops": [ { "key": "istio_install", "value": "Install Istio", "category": 0 }, { "key": "istio_vet", "value": "Analyze running configuration", "category": 4 } ] },
            { "adapter_location": "meshery-linkerd:10001", "name": "LINKERD", "version": "v0.7.1", "git_commit_sha": "2f0a9b1", "ops": [ { "key": "linkerd_install", "value": "Install Linkerd", "category": 0 } ] }
          ],
          "grafana": { "grafanaURL": "http://grafana.monitoring:3000", "grafanaAPIKey": "", "selectedBoardsConfigs": [ { "board": { "uid": "istio-mesh", "title": "Istio Mesh Dashboard" }, "panels": [ { "id": 1, "title": "Global Request Volume" }, { "id": 2, "title": "Global Success Rate" } ] } ] },
          "prometheus": { "prometheusURL": "http://prometheus.monitoring:9090", "selectedPrometheusBoardsConfigs": [] },
          "loadTestPrefs": { "c": 10, "qps": 100, "t": "30s", "gen": "fortio" },
          "anonymousUsageStats": true,
          "anonymousPerfResults": true,
          "dashboardPreferences": { "layout": "grid", "widgets": [ "clusters", "meshes", "connections", "designs", "performance", "events" ], "theme": "dark" },
          "selectedOrganizationId": "7a3f2c61-5d8e-4b0f-9a41-2e6c8d9f0b13",
          "selectedWorkspaceForOrganizations": { "7a3f2c61-5d8e-4b0f-9a41-2e6c8d9f0b13": "0c9e5a27-31b4-4f6d-8e2a-5b7c1d3f9a84" },
          "usersExtensionPreferences": { "catalogContent": true, "meshmapCanvas": { "grid": true, "snap": true } },
          "remoteProviderPreferences": { "provider": "Meshery.NET", "region": "westeurope" }
        }
        """;

    /// <summary>About 600 bytes: an event as meshkit reports a connection registration.</summary>
    public const string Event = """
        {
          "category": "connection",
          "action": "register",
          "severity": "informational",
          "status": "unread",
          "acted_upon": "3d7b9e24-8a1f-4c6e-b5d2-9f0a1c3e5b78",
          "operation_id": "e1c4a7b2-6d3f-4e8a-9b0c-5f2d7a1e3c96",
          "description": "Kubernetes connection 'kind-meshery' registered and discovered 42 resources in 6 namespaces.",
          "metadata": { "connection": { "kind": "kubernetes", "name": "kind-meshery", "server": "https://127.0.0.1:6443" }, "discovered": 42, "namespaces": [ "default", "kube-system", "istio-system", "monitoring", "meshery", "apps" ] }
        }
        """;

    public static string Environment(int index) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        {
          "name": "environment-{{index:000}}",
          "description": "Staging clusters for team {{index % 7}}: connections, credentials and designs deployed there.",
          "metadata": { "team": "team-{{index % 7}}", "tier": "{{(index % 3 == 0 ? "prod" : "staging")}}", "region": "westeurope" }
        }
        """);
}
