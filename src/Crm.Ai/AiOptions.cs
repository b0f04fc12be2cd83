namespace Crm.Ai;

/// <summary>
/// Bound from "Crm:Ai". Without <see cref="Endpoint"/> and <see cref="Model"/> the offline engine answers everything;
/// the language-model path is not built yet (see README).
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "Crm:Ai";

    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
}
