using Grpc.Core;
using Meshery.Testing.Functions.Protos;

namespace Meshery.Testing.Functions;

/// <summary>The host side of <c>FunctionRpc.EventStream</c>: hands the worker's stream to its emulator.</summary>
internal sealed class FunctionRpcService(FunctionsHostEmulator host) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context) =>
        host.RunEventStreamAsync(requestStream, responseStream, context.CancellationToken);
}
