using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Errors;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

public sealed class BlobKeysTests
{
    [Fact]
    public void Attachment_ValidIds_StartsWithTheWorkspaceAndPassesValidate()
    {
        var key = BlobKeys.Attachment("acme", "3f2b", "Invoice.pdf");

        Assert.Equal("acme/attachments/3f2b/invoice.pdf", key);
        Assert.StartsWith(BlobKeys.WorkspacePrefix("acme"), key);
        Assert.Equal(key, BlobKeys.Validate(key));
    }

    [Fact]
    public void WorkspacePrefix_WorkspaceWhoseIdStartsLikeAnother_NeverMatchesTheOthersKeys()
    {
        var key = BlobKeys.Attachment("ws10", "a1", "x.txt");

        Assert.False(key.StartsWith(BlobKeys.WorkspacePrefix("ws1"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\Photo 1.PNG", "photo-1.png")]
    [InlineData("..", "file")]
    [InlineData("", "file")]
    [InlineData(".bashrc", "bashrc")]
    [InlineData("résumé (final).docx", "r-sum-final-.docx")]
    [InlineData("a..b.txt", "a..b.txt")]
    public void SanitizeFileName_UnsafeNames_BecomeOneSafeSegment(string fileName, string expected)
    {
        var safe = BlobKeys.SanitizeFileName(fileName);

        Assert.Equal(expected, safe);
        Assert.Equal($"ws1/attachments/a1/{safe}", BlobKeys.Validate($"ws1/attachments/a1/{safe}"));
    }

    [Fact]
    public void SanitizeFileName_LongName_IsCutKeepingTheExtension()
    {
        var safe = BlobKeys.SanitizeFileName(new string('x', 300) + ".xlsx");

        Assert.Equal(BlobKeys.MaxFileNameLength, safe.Length);
        Assert.EndsWith(".xlsx", safe);
    }

    [Theory]
    [InlineData("WS1", "a1")]
    [InlineData("ws1", "../a1")]
    [InlineData("ws/1", "a1")]
    [InlineData("", "a1")]
    public void Attachment_InvalidWorkspaceOrAttachmentId_ThrowsInvalid(string workspaceId, string attachmentId)
    {
        var error = Assert.Throws<DomainException>(() => BlobKeys.Attachment(workspaceId, attachmentId, "x.txt"));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Theory]
    [InlineData("ws1", "must start with a workspace id")]
    [InlineData(".tmp/x.part", "must start with a workspace id")]
    [InlineData("ws1/a/../b", "'..' segment")]
    [InlineData("ws1/./b", "'..' segment")]
    [InlineData("ws1/a/", "'..' segment")]
    [InlineData("ws1/A.txt", "characters outside")]
    [InlineData("ws1/a b.txt", "characters outside")]
    [InlineData("ws1/c:x", "characters outside")]
    public void Validate_UnsafeKey_ThrowsSayingWhy(string key, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => BlobKeys.Validate(key));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Validate_KeyLongerThanAzureAllows_Throws()
    {
        Assert.Throws<ArgumentException>(() => BlobKeys.Validate("ws1/" + new string('a', BlobKeys.MaxKeyLength)));
    }
}
