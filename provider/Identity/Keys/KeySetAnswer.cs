namespace Meshery.Provider.Identity.Keys;

/// <summary>Meshery's <c>/keys</c> answer: <c>{"keys":[...]}</c>.</summary>
public sealed record KeySetAnswer(IReadOnlyList<KeyAnswer> Keys);
