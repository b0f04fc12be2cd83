using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Imports.Kinds;

/// <summary>The kinds an import reads: customers (the pipeline's own writer) and the kinds of <see cref="IImportKind"/>.</summary>
public static class ImportKinds
{
    public const string Customers = "customers";

    private static readonly IReadOnlyDictionary<string, IImportKind> Others = new Dictionary<string, IImportKind>(StringComparer.Ordinal)
    {
        [CompanyImportKind.Kind] = new CompanyImportKind(),
        [DealImportKind.Kind] = new DealImportKind(),
    };

    public static IReadOnlyList<string> All { get; } = [Customers, .. Others.Keys];

    /// <summary>Null for customers; the kind for the others; refused for anything else.</summary>
    public static IImportKind? Require(string? kind) =>
        kind == Customers ? null
        : kind is not null && Others.TryGetValue(kind, out var other) ? other
        : throw new DomainException(DomainErrorKind.Invalid, $"'{kind}' cannot be imported; use kind={string.Join(", kind=", All)}.");
}
