using System.Globalization;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Deals;
using CsvHelper;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>
/// Lists as CSV, written to the response as they are read (a page of 1,000 customers at a time), so an export of a
/// large list never sits whole in memory. RFC 4180, UTF-8, invariant culture, text cells defused (<see cref="CsvText"/>).
/// </summary>
public static class CrmCsvExport
{
    private const int PageSize = 1_000;

    public static async Task CustomersAsync(Stream body, WorkspaceUser user, CustomerRecordService customers, CustomerQuery query)
    {
        await using var csv = Writer(body);
        WriteRow(csv, "id", "name", "email", "phone", "company_id", "owner_id", "tags", "created_at", "updated_at", "attributes");
        await csv.EndRecordAsync();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await customers.ListAsync(user, query with { Offset = offset, Limit = PageSize });
            foreach (var c in page.Items)
            {
                WriteRow(csv, c.CustomerId, c.Name, c.Email, c.Phone, c.CompanyId, c.OwnerId, string.Join("; ", c.Tags ?? []),
                    c.CreatedAt.ToString("O"), c.UpdatedAt?.ToString("O"),
                    string.Join("; ", (c.Attributes ?? new Dictionary<string, string>()).Select(a => $"{a.Key}={a.Value}")));
                await csv.EndRecordAsync();
            }
            await csv.FlushAsync();
            if (offset + PageSize >= page.Total) break;
        }
    }

    public static async Task DealsAsync(Stream body, WorkspaceUser user, DealService deals, DealQuery query)
    {
        await using var csv = Writer(body);
        WriteRow(csv, "id", "title", "pipeline", "stage", "outcome", "probability", "amount", "currency", "weighted", "expected_close",
            "owner_id", "contact_ids", "company_id", "reason", "stage_entered_at", "created_at");
        await csv.EndRecordAsync();
        foreach (var d in await deals.ListAsync(user, query))
        {
            WriteRow(csv, d.DealId, d.Title, d.PipelineId, d.StageId, d.Outcome.ToString().ToLowerInvariant(), d.Probability.ToString(CultureInfo.InvariantCulture),
                d.Amount.ToString(CultureInfo.InvariantCulture), d.Currency, d.Weighted.ToString(CultureInfo.InvariantCulture),
                d.ExpectedClose?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.OwnerId, string.Join("; ", d.ContactIds), d.CompanyId, d.Reason,
                d.StageEnteredAt.ToString("O"), d.CreatedAt.ToString("O"));
            await csv.EndRecordAsync();
        }
    }

    // CsvHelper 34 quotes by RFC 4180 and writes UTF-8; text cells arrive already defused.
    private static CsvWriter Writer(Stream body) => CsvWriter.Create(body, new CsvWriterOptions(), true);

    private static void WriteRow(CsvWriter csv, params string?[] cells)
    {
        foreach (var cell in cells) csv.WriteField(CsvText.Defused(cell ?? ""));
    }
}
