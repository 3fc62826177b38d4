using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.MeshAdapters;

/// <summary>The fields of <c>POST /api/system/adapter/operation</c>, read and checked.</summary>
public sealed record OperationForm(string? Adapter, string? Query, string Namespace, string CustomBody, bool DeleteOp, string Version, string? Problem)
{
    public static OperationForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var ns = Field(form, "namespace");
        var request = new OperationForm(
            null,
            Field(form, "query"),
            ns.Length == 0 ? "default" : ns,
            form["customBody"].ToString(),
            IsOn(Field(form, "deleteOp")),
            Field(form, "version"),
            null);
        var adapter = Field(form, "adapter");
        if (adapter.Length == 0)
        {
            return request with { Problem = "The form has no 'adapter': give the adapter's location (host:port)." };
        }

        if (!AdapterLocation.TryNormalize(adapter, out var location, out var error))
        {
            return request with { Problem = error };
        }

        if (string.IsNullOrEmpty(request.Query))
        {
            return request with { Problem = "The form has no 'query': name the operation to run (one of the adapter's ops keys)." };
        }

        return request with { Adapter = location };
    }

    private static string Field(IFormCollection form, string name) => form[name].ToString().Trim();

    // Upstream treats any value as "delete"; an explicit false-like value is taken at its word.
    private static bool IsOn(string value) =>
        value.Length > 0 && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value is not ("0" or "off" or "no");
}
