namespace Meshery.Deploy.Install;

/// <summary>What an apply did to an object, as <c>kubectl apply</c> reports it.</summary>
public enum ApplyOutcome
{
    Created,
    Configured,
    Unchanged,
}
