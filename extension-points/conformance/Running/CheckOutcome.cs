namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>How one check ended.</summary>
public enum CheckOutcome
{
    Pass,
    Fail,

    /// <summary>Not run: the capability is not advertised, or a check it needs failed.</summary>
    Skip,
}
