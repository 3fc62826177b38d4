namespace Meshery.Agent.Telemetry;

/// <summary>
/// What differs between a Grafana and a Prometheus connection: the connection kind, and the form fields
/// and metadata keys Meshery server uses for it (server/handlers/grafana_handlers.go, prometheus_handlers.go).
/// </summary>
public sealed record TelemetryKind(
    string Name,
    string DisplayName,
    string UrlField,
    string KeyField,
    IReadOnlyList<string> ConnectionNameFields,
    string CredentialNameField,
    string BoardsMetadataKey)
{
    /// <summary>Connection type and sub-type Meshery server gives both kinds.</summary>
    public const string Type = "observability";
    public const string SubType = "monitoring";

    /// <summary>Upstream's form field for the connection name is spelled <c>grafanaConnectioncName</c>; the corrected spelling is read too.</summary>
    public static TelemetryKind Grafana { get; } = new(
        "grafana", "Grafana", "grafanaURL", "grafanaAPIKey", ["grafanaConnectioncName", "grafanaConnectionName"], "grafanaCredentialName", "grafana_boards");

    public static TelemetryKind Prometheus { get; } = new(
        "prometheus", "Prometheus", "prometheusURL", "prometheusKey", ["prometheusConnectionName"], "prometheusCredentialName", "prometheus_boards");

    /// <summary>True for the kinds whose credential the agent creates for the one connection (and deletes with it).</summary>
    public static bool OwnsCredential(string? kind) => kind == Grafana.Name || kind == Prometheus.Name;
}
