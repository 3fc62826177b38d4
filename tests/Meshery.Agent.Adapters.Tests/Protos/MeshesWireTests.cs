using Google.Protobuf;
using Meshery.Agent.Adapters.Protos;

namespace Meshery.Agent.Adapters.Tests.Protos;

/// <summary>
/// The generated types put every field at the number upstream adapters use: messages are compared byte for byte
/// with protobuf written by hand (tag = field number &lt;&lt; 3 | wire type; 2 = length-delimited, 0 = varint).
/// </summary>
public sealed class MeshesWireTests
{
    [Fact]
    public void Service_and_methods_have_upstream_names()
    {
        var service = MeshesReflection.Descriptor.Services.Single();
        Assert.Equal("meshes.MeshService", service.FullName);
        Assert.Equal(
            ["MeshName", "MeshVersions", "ApplyOperation", "SupportedOperations", "StreamEvents", "ProcessOAM", "ComponentInfo"],
            service.Methods.Select(m => m.Name));
        Assert.True(service.FindMethodByName("StreamEvents").IsServerStreaming);
    }

    [Fact]
    public void ApplyRuleRequest_fields_1_to_8()
    {
        var request = new ApplyRuleRequest
        {
            OpName = "a",
            Namespace = "b",
            Username = "c",
            CustomBody = "d",
            DeleteOp = true,
            OperationId = "e",
            Version = "h",
        };
        request.KubeConfigs.Add(["f", "g"]);
        byte[] expected =
        [
            0x0A, 1, (byte)'a', // opName = 1
            0x12, 1, (byte)'b', // namespace = 2
            0x1A, 1, (byte)'c', // username = 3
            0x22, 1, (byte)'d', // custom_body = 4
            0x28, 1, // delete_op = 5 (varint)
            0x32, 1, (byte)'e', // operation_id = 6
            0x3A, 1, (byte)'f', 0x3A, 1, (byte)'g', // kube_configs = 7 (repeated)
            0x42, 1, (byte)'h', // version = 8
        ];
        Assert.Equal(expected, request.ToByteArray());
        Assert.Equal(request, ApplyRuleRequest.Parser.ParseFrom(expected));
    }

    [Fact]
    public void EventsResponse_fields_1_to_9()
    {
        var response = new EventsResponse
        {
            EventType = EventType.Error,
            Summary = "s",
            Details = "d",
            OperationId = "o",
            ProbableCause = "p",
            SuggestedRemediation = "r",
            ErrorCode = "e",
            Component = "c",
            ComponentName = "n",
        };
        byte[] expected =
        [
            0x08, 2, // event_type = 1, ERROR = 2
            0x12, 1, (byte)'s', 0x1A, 1, (byte)'d', 0x22, 1, (byte)'o', 0x2A, 1, (byte)'p',
            0x32, 1, (byte)'r', 0x3A, 1, (byte)'e', 0x42, 1, (byte)'c', 0x4A, 1, (byte)'n',
        ];
        Assert.Equal(expected, response.ToByteArray());
        Assert.Equal(EventType.Warn, EventsResponse.Parser.ParseFrom([0x08, 1]).EventType);
    }

    [Fact]
    public void Operations_responses_and_categories()
    {
        var supported = new SupportedOperationsResponse { Error = "none" };
        supported.Ops.Add(new SupportedOperation { Key = "k", Value = "v", Category = OpCategory.Custom });
        byte[] op = [0x0A, 1, (byte)'k', 0x12, 1, (byte)'v', 0x18, 4]; // key = 1, value = 2, category = 3 (CUSTOM = 4)
        byte[] expected = [0x0A, (byte)op.Length, .. op, 0x12, 4, .. "none"u8]; // ops = 1, error = 2
        Assert.Equal(expected, supported.ToByteArray());
        Assert.Equal([0, 1, 2, 3, 4], new[] { OpCategory.Install, OpCategory.SampleApplication, OpCategory.Configure, OpCategory.Validate, OpCategory.Custom }.Select(c => (int)c));
        Assert.Equal([0x0A, 1, (byte)'x', 0x12, 1, (byte)'y'], new ApplyRuleResponse { Error = "x", OperationId = "y" }.ToByteArray());
        Assert.Equal([0x0A, 1, (byte)'v', 0x0A, 1, (byte)'w'], new MeshVersionsResponse { Version = { "v", "w" } }.ToByteArray());
        Assert.Equal([0x0A, 1, (byte)'m'], new MeshNameResponse { Name = "m" }.ToByteArray());
    }

    [Fact]
    public void ComponentInfo_and_ProcessOAM_fields()
    {
        var info = new ComponentInfoResponse { Type = "t", Name = "n", Version = "v", GitSha = "g", Properties = { ["k"] = "x" } };
        byte[] expected =
        [
            0x0A, 1, (byte)'t', 0x12, 1, (byte)'n', 0x1A, 1, (byte)'v', 0x22, 1, (byte)'g',
            0x2A, 6, 0x0A, 1, (byte)'k', 0x12, 1, (byte)'x', // properties = 5: map entry {key = 1, value = 2}
        ];
        Assert.Equal(expected, info.ToByteArray());

        var oam = new ProcessOAMRequest { Username = "u", DeleteOp = true, OamComps = { "c" }, OamConfig = "o", KubeConfigs = { "k" } };
        Assert.Equal(
            [0x0A, 1, (byte)'u', 0x10, 1, 0x1A, 1, (byte)'c', 0x22, 1, (byte)'o', 0x3A, 1, (byte)'k'], // kube_configs = 7
            oam.ToByteArray());
    }
}
