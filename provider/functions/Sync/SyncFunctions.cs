using Meshery.Provider.Hosting;
using Meshery.Provider.Sync;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Functions.Sync;

public sealed class SyncFunctions(SyncApplier applier, SyncLedger ledger, IOptions<SyncIngestionOptions> options)
{
    [Function("IngestSyncEvents")]
    public Task<IResult> IngestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.SyncEvents)] HttpRequest req, CancellationToken cancellationToken) =>
        SyncHandlers.IngestAsync(req.HttpContext, applier, ledger, options, cancellationToken);
}
