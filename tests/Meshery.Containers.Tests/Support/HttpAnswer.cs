using System.Net;

namespace Meshery.Containers.Tests.Support;

/// <summary>A status code and body read from a container's published port.</summary>
public sealed record HttpAnswer(HttpStatusCode Status, string Body);
