namespace Crm.Grains.Abstractions.Attachments;

/// <summary>
/// One allowed kind of attachment: its canonical content type, how messages name it (with its article: "a PNG image"),
/// the file extensions it may have, and the signature its first bytes must have.
/// </summary>
public sealed record AttachmentType(string ContentType, string Description, IReadOnlyList<string> Extensions, ContentSignature Signature);
