namespace Crm.Grains.Abstractions.Errors;

/// <summary>How a refused command maps to the edge: 400, 404, 409, 403.</summary>
[GenerateSerializer, Alias("crm.errors.kind")]
public enum DomainErrorKind
{
    Invalid = 0,
    NotFound = 1,
    Conflict = 2,
    Forbidden = 3,
}
