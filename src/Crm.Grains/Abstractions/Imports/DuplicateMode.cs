namespace Crm.Grains.Abstractions.Imports;

/// <summary>What an import does with a row that is the same person as a stored customer or an earlier row of the file.</summary>
public enum DuplicateMode
{
    /// <summary>Leave the stored record alone; the row is counted as skipped.</summary>
    Skip,

    /// <summary>The row's non-empty cells replace the stored values; empty cells leave them.</summary>
    Update,

    /// <summary>The row fills only what the stored record lacks; tags are united.</summary>
    Merge,

    /// <summary>A new record all the same; the pair shows up in the duplicate review queue.</summary>
    Create,
}
