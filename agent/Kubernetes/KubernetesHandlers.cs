using Meshery.ExtensionPoints.Serving;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Kubernetes;

public static class KubernetesHandlers
{
    /// <summary>The multipart field upstream Meshery's UI sends the kubeconfig in.</summary>
    public const string FileField = "k8sfile";

    /// <summary>
    /// <c>POST /api/system/kubernetes</c> (multipart, file field <c>k8sfile</c>): one connection per context,
    /// each tested first; answers the saved connections.
    /// </summary>
    public static async Task<IResult> UploadAsync(
        HttpContext context,
        KubernetesConnectionManager manager,
        IContractCallerResolver callers,
        IOptions<KubernetesOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(callers);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.MaxKubeconfigBytes;
        if (!context.Request.HasFormContentType)
        {
            return ProblemAnswers.BadRequest($"Send the kubeconfig as multipart/form-data in the file field '{FileField}'.");
        }

        // The form holds the file plus a little framing; anything much larger is refused before it is read.
        if (context.Request.ContentLength > limit + 64 * 1024)
        {
            return TooLarge(limit);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = limit + 64 * 1024 }, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(limit)
                : ProblemAnswers.BadRequest("The multipart form cannot be read: " + ex.Message);
        }

        var file = form.Files.GetFile(FileField);
        if (file is null || file.Length == 0)
        {
            return ProblemAnswers.BadRequest($"The form has no kubeconfig in the file field '{FileField}'.");
        }

        if (file.Length > limit)
        {
            return TooLarge(limit);
        }

        IReadOnlyList<KubeContext> contexts;
        try
        {
            await using var stream = file.OpenReadStream();
            contexts = Kubeconfig.Read(stream, options.Value.MaxContexts);
        }
        catch (KubeconfigException ex)
        {
            return ProblemAnswers.BadRequest(ex.Message);
        }

        if (callers.Resolve(context) is not { } caller)
        {
            return ProblemAnswers.Status(StatusCodes.Status401Unauthorized, "Sign in again: this call needs a signed-in user.");
        }

        var saved = await manager.RegisterAsync(caller, contexts, cancellationToken);
        return TypedResults.Ok(new ConnectionPage(saved, saved.Count, 0, saved.Count));
    }

    private static IResult TooLarge(long limit) =>
        ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"The kubeconfig is larger than {limit / 1024} KiB.");
}
