namespace Crm.Grains.Abstractions.Errors;

/// <summary>
/// A command refused by a business rule, before any event was raised: nothing was stored.
/// The edge maps <see cref="Kind"/> to a 4xx (REST) or a hub error with <see cref="Exception.Message"/>.
/// </summary>
[GenerateSerializer, Alias("crm.errors.domain-exception")]
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string message) : base(message) => Kind = kind;

    [Id(0)]
    public DomainErrorKind Kind { get; private set; }
}
