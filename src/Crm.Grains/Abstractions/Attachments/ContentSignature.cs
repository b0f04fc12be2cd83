namespace Crm.Grains.Abstractions.Attachments;

/// <summary>What a file's first bytes must look like for its declared type to be believed.</summary>
public enum ContentSignature
{
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,

    /// <summary>A ZIP local file header: every .docx and .xlsx is a ZIP package.</summary>
    Zip,

    /// <summary>No magic number exists for text; it must at least not be binary (no NUL byte unless UTF-16).</summary>
    Text,
}
