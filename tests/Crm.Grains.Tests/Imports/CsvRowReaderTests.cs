using System.Text;
using Crm.Grains.Imports;
using Xunit;

namespace Crm.Grains.Tests.Imports;

/// <summary>Malformed and unusual CSV as spreadsheets and old systems write it, read by the import's reader.</summary>
public sealed class CsvRowReaderTests
{
    [Theory]
    [InlineData("name,email\n", ',')]
    [InlineData("name;email;phone\n", ';')]
    [InlineData("name\temail\n", '\t')]
    [InlineData("\"a,b\";c\n", ';')]
    [InlineData("single\n", ',')]
    public void DetectDelimiter_FirstLine_PicksTheOneUsedOutsideQuotes(string head, char expected) =>
        Assert.Equal((byte)expected, CsvRowReader.DetectDelimiter(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Read_QuotesBomAndLineBreaks_GivesCellsAndTheLineEachRecordStartsOn()
    {
        var records = Read("\uFEFFname,note\r\n\"Lovelace, Ada\",\"said \"\"hi\"\"\nover two lines\"\r\n\r\nBob,plain\rCarol,\n", out var bom);

        Assert.True(bom);
        Assert.Equal(["name", "note"], records[0].Cells);
        Assert.Equal(["Lovelace, Ada", "said \"hi\"\nover two lines"], records[1].Cells);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["Bob", "plain"], records[2].Cells);
        Assert.Equal(5, records[2].Line);
        Assert.Equal(["Carol", ""], records[3].Cells);
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Read_MixedEncodings_DecodesUtf8RowsAsUtf8AndFlagsLatin1Rows()
    {
        var bytes = Encoding.UTF8.GetBytes("name\nJosé\n").Concat(Encoding.Latin1.GetBytes("Müller\n")).ToArray();

        var records = Read(bytes, out _);

        Assert.Equal("José", records[1].Cells[0]);
        Assert.False(records[1].Latin1);
        Assert.Equal("Müller", records[2].Cells[0]);
        Assert.True(records[2].Latin1);
    }

    [Fact]
    public void Read_TextAfterAClosingQuote_ReportsTheColumnAndReadsOn()
    {
        var records = Read("a,b\n\"x\"y,z\nok,fine\n", out _);

        Assert.Equal(1, records[1].ErrorColumn);
        Assert.Contains("after the closing quote", records[1].Error);
        Assert.Equal(["ok", "fine"], records[2].Cells);
    }

    [Fact]
    public void Read_AQuoteNeverClosed_ReportsItOnTheRecordThatOpenedIt()
    {
        var records = Read("a,b\nfine,row\nbad,\"open\nmore\n", out _);

        Assert.Null(records[1].Error);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(2, records[2].ErrorColumn);
        Assert.Contains("never closed", records[2].Error);
    }

    [Fact]
    public void Read_ManyRowsPastTheBuffer_KeepsEveryRowWhole()
    {
        var text = "id,text\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},\"row {i}, quoted\"\n"));

        var records = Read(text, out _);

        Assert.Equal(20_001, records.Count);
        Assert.Equal(["19999", "row 19999, quoted"], records[^1].Cells);
    }

    private static List<CsvRecord> Read(string text, out bool bom) => Read(Encoding.UTF8.GetBytes(text), out bom);

    private static List<CsvRecord> Read(byte[] bytes, out bool bom)
    {
        using var reader = new CsvRowReader(new MemoryStream(bytes), CsvRowReader.DetectDelimiter(bytes));
        bom = reader.SkipBom();
        var records = new List<CsvRecord>();
        while (reader.TryRead(out var record)) records.Add(record);
        return records;
    }
}
