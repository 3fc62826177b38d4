namespace Meshery.ExtensionPoints.Serving;

/// <summary><c>{}</c>: a success with nothing more to say.</summary>
public sealed record EmptyAnswer;
