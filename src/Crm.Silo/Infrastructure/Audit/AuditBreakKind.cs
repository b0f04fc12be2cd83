namespace Crm.Silo.Infrastructure.Audit;

/// <summary>How a chain broke, which says what was done to the stored rows.</summary>
public enum AuditBreakKind
{
    /// <summary>The row's own hash no longer matches its columns: the row was edited.</summary>
    RowContentChanged,

    /// <summary>The row is intact but does not follow the previous row of its workspace: a row was removed, inserted or reordered.</summary>
    LinkBroken,

    /// <summary>A row without a hash after the chain began: its hash was stripped, or it was written around the store.</summary>
    HashMissing,

    /// <summary>The chain ends before the head the store recorded: rows were removed from its end.</summary>
    Truncated,
}
