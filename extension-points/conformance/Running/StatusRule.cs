namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>The status a call must answer, others always accepted, and those accepted only when lenient.</summary>
internal sealed record StatusRule(int Expected, int[]? AlsoAccepted = null, int[]? Lenient = null)
{
    public bool Admits(int status, bool lenient) =>
        status == Expected || (AlsoAccepted?.Contains(status) ?? false) || (lenient && (Lenient?.Contains(status) ?? false));

    public static implicit operator StatusRule(int expected) => new(expected);

    public static StatusRule FromInt32(int expected) => new(expected);
}
