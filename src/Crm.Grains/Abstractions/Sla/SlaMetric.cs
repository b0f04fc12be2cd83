namespace Crm.Grains.Abstractions.Sla;

/// <summary>What an SLA target measures.</summary>
[GenerateSerializer, Alias("crm.sla.metric")]
public enum SlaMetric
{
    /// <summary>From the conversation's opening until an agent's first reply.</summary>
    FirstResponse = 0,

    /// <summary>From a customer message that follows an agent reply until the next agent reply.</summary>
    NextResponse = 1,

    /// <summary>From the conversation's opening until it is resolved.</summary>
    Resolution = 2,
}
