using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;

namespace Meshery.Testing.Kubernetes.Http;

/// <summary>A Kubernetes <c>Status</c> failure, worded like the real API server's.</summary>
internal sealed record KubeStatus(int Code, string Reason, string Message, string? Name = null, string? Kind = null, string? Group = null)
{
    /// <summary><c>details.causes</c>: which fields failed and why (apply conflicts name each field and its manager).</summary>
    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    public JsonObject ToJson()
    {
        var details = new JsonObject();
        if (Name is not null)
        {
            details["name"] = Name;
        }

        if (Group is not null)
        {
            details["group"] = Group;
        }

        if (Kind is not null)
        {
            details["kind"] = Kind;
        }

        if (Causes.Count > 0)
        {
            details["causes"] = new JsonArray([.. Causes.Select(c => (JsonNode)new JsonObject { ["reason"] = c.Reason, ["message"] = c.Message, ["field"] = c.Field })]);
        }

        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    public static KubeStatus NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", name, type.Plural, type.Group);

    public static KubeStatus NoSuchPath() =>
        new(404, "NotFound", "the server could not find the requested resource");

    public static KubeStatus AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", name, type.Plural, type.Group);

    public static KubeStatus Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": {why}", name, type.Plural, type.Group);

    public static KubeStatus Stale(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static KubeStatus Expired(string message) => new(410, "Expired", message);

    public static KubeStatus Forbidden(ResourceType type, string verb, string? ns) =>
        new(403, "Forbidden",
            $"{type.GroupResource} is forbidden: User \"system:serviceaccount:meshery:meshery\" cannot {verb} resource \"{type.Plural}\" in API group \"{type.Group}\" "
            + (ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\""),
            null, type.Plural, type.Group);

    public static KubeStatus BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeStatus Invalid(ResourceType type, string name, string message) =>
        new(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {message}", name, type.Kind, type.Group);

    public static KubeStatus MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    public static KubeStatus UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static KubeStatus Unauthorized() => new(401, "Unauthorized", "Unauthorized");
}
