using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// Salesforce's Query resource (REST API), in memory, for a documented subset of SOQL.
/// </summary>
/// <remarks>
/// Follows the REST API Developer Guide pages "Execute a SOQL Query" and "Query", and the SOQL and
/// SOSL Reference for the statements served:
/// <c>SELECT field, … FROM object [WHERE Id = '…'] [ORDER BY field [ASC|DESC]] [LIMIT n]</c>
/// (keywords case-insensitive; fields of the emulated objects, the system fields, the computed
/// <c>Name</c>, and custom fields ending in <c>__c</c>: the org's custom fields are those its records of
/// the object carry, since field definitions are not emulated).
/// <list type="bullet">
/// <item><c>GET /services/data/vXX.X/query?q=…</c>: <c>{"totalSize", "done", "nextRecordsUrl"?, "records"}</c>;
/// each record has <c>attributes</c> (<c>type</c>, <c>url</c>) and the selected fields, in the order selected.</item>
/// <item>The batch size comes from the <c>Sforce-Query-Options: batchSize=n</c> header: 200 to 2000,
/// default 2000 (a value outside the range is brought into it). When more records remain,
/// <c>done</c> is false and <c>nextRecordsUrl</c> is <c>/services/data/vXX.X/query/{locator}-{offset}</c>.</item>
/// <item><c>GET /services/data/vXX.X/query/{locator}-{offset}</c>: the next batch of the same query
/// (the records as they were when the query ran).</item>
/// </list>
/// Errors: an unknown field is 400 <c>INVALID_FIELD</c> ("No such column 'X' on entity 'Contact'. …"),
/// an unknown object 400 <c>INVALID_TYPE</c>, a statement outside the subset 400
/// <c>MALFORMED_QUERY</c>, a missing <c>q</c> 400 <c>MALFORMED_QUERY</c>, and an unknown or spent
/// locator 400 <c>INVALID_QUERY_LOCATOR</c>.
/// </remarks>
public sealed partial class SalesforceSObjectsEmulator
{
    private const int DefaultBatchSize = 2000;
    private const int MinBatchSize = 200;
    private const int MaxBatchSize = 2000;

    private readonly Dictionary<string, QueryCursor> _cursors = new(StringComparer.Ordinal);

    /// <summary>A query's results not yet fetched, by locator.</summary>
    private sealed record QueryCursor(SalesforceSObjectType Type, IReadOnlyList<string> Fields, IReadOnlyList<SalesforceRecord> Records, int BatchSize, string Version);

    private sealed record Soql(SalesforceSObjectType Type, IReadOnlyList<string> Fields, string? WhereId, string? OrderBy, bool Descending, int? Limit);

    private void MapQuery(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/services/data/{version}/query", QueryAsync);
        routes.MapGet("/services/data/{version}/query/{locator}", QueryMoreAsync);
    }

    private async Task QueryAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var version = (string?)context.Request.RouteValues["version"] ?? "";
        if (!IsServedVersion(version))
        {
            await SalesforceEmulator.WriteNotFoundResourceAsync(context).ConfigureAwait(false);
            return;
        }
        var q = context.Request.Query["q"].ToString();
        if (q.Length == 0)
        {
            await QueryErrorAsync(context, "MALFORMED_QUERY", "A query string has to be specified").ConfigureAwait(false);
            return;
        }
        var soql = ParseSoql(q, out var error);
        if (soql is null)
        {
            await QueryErrorAsync(context, error!.Value.Code, error.Value.Message).ConfigureAwait(false);
            return;
        }

        List<SalesforceRecord> matches;
        lock (_gate)
        {
            matches = _order.Select(id => _byId15[id]).Where(r => r.SObjectType == soql.Type.Name).ToList();
        }
        // The org's custom fields are those its records of the object carry (field definitions are
        // not emulated): a custom field no record has is a column the object does not have.
        foreach (var field in soql.Fields)
        {
            if (!field.EndsWith("__c", StringComparison.OrdinalIgnoreCase)) continue;
            if (matches.Any(r => r.Fields.ContainsKey(field))) continue;
            var column = ColumnOf(q, field);
            await QueryErrorAsync(context, "INVALID_FIELD", InvalidFieldMessage(q, column, field, soql.Type.Name)).ConfigureAwait(false);
            return;
        }
        if (soql.WhereId is { } whereId)
        {
            matches = SalesforceIds.TryNormalize(whereId, out var id15) ? matches.Where(r => r.Id.StartsWith(id15, StringComparison.Ordinal)).ToList() : [];
        }
        if (soql.OrderBy is { } orderBy)
        {
            var userId = UserId;
            // Ids are case-sensitive; text sorts without regard to case.
            Comparison<SalesforceRecord> compare = orderBy == "Id"
                ? (a, b) => string.CompareOrdinal(a.Id, b.Id)
                : (a, b) => CompareValues(FieldValue(soql.Type, a, orderBy, userId), FieldValue(soql.Type, b, orderBy, userId));
            matches.Sort((a, b) => soql.Descending ? compare(b, a) : compare(a, b));
        }
        if (soql.Limit is { } limit) matches = matches.Take(limit).ToList();

        var batchSize = BatchSize(context.Request.Headers["Sforce-Query-Options"].ToString());
        await WriteBatchAsync(context, new QueryCursor(soql.Type, soql.Fields, matches, batchSize, version), 0).ConfigureAwait(false);
    }

    private async Task QueryMoreAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var locator = (string?)context.Request.RouteValues["locator"] ?? "";
        var dash = locator.LastIndexOf('-');
        QueryCursor? cursor = null;
        var offset = 0;
        if (dash > 0 && int.TryParse(locator.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            lock (_gate) cursor = _cursors.GetValueOrDefault(locator);
        }
        if (cursor is null || offset <= 0 || offset >= cursor.Records.Count)
        {
            await QueryErrorAsync(context, "INVALID_QUERY_LOCATOR", "invalid query locator").ConfigureAwait(false);
            return;
        }
        lock (_gate) _cursors.Remove(locator);
        await WriteBatchAsync(context, cursor, offset, locator[..dash]).ConfigureAwait(false);
    }

    private Task WriteBatchAsync(HttpContext context, QueryCursor cursor, int offset, string? locatorId = null)
    {
        var end = Math.Min(offset + cursor.BatchSize, cursor.Records.Count);
        string? next = null;
        if (end < cursor.Records.Count)
        {
            locatorId ??= SalesforceIds.To18("01g" + "Hs0" + _random.NextId("", 9));
            var locator = locatorId + "-" + end.ToString(CultureInfo.InvariantCulture);
            lock (_gate) _cursors[locator] = cursor;
            // Relative to the instance URL's origin, as Salesforce gives it (the sandbox serves the
            // instance below a path of its own).
            var path = context.Request.Path.Value ?? "";
            var root = path.IndexOf("/services/data/", StringComparison.Ordinal);
            next = $"{(root > 0 ? path[..root] : "")}/services/data/{cursor.Version}/query/{locator}";
        }
        var userId = UserId;
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, SalesforceEmulator.JsonContentType, (cursor, offset, end, next, userId), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteNumber("totalSize", s.cursor.Records.Count);
            w.WriteBoolean("done", s.next is null);
            if (s.next is not null) w.WriteString("nextRecordsUrl", s.next);
            w.WriteStartArray("records");
            for (var i = s.offset; i < s.end; i++)
            {
                var record = s.cursor.Records[i];
                w.WriteStartObject();
                WriteAttributes(w, s.cursor.Type.Name, s.cursor.Version, record.Id);
                foreach (var field in s.cursor.Fields)
                {
                    w.WritePropertyName(CanonicalFieldName(s.cursor.Type, record, field) ?? field);
                    WriteValue(w, FieldValue(s.cursor.Type, record, CanonicalFieldName(s.cursor.Type, record, field) ?? field, s.userId));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task QueryErrorAsync(HttpContext context, string code, string message)
        => SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest, new SalesforceError(message, code));

    private static int BatchSize(string options)
    {
        foreach (var part in options.Split(',', ';'))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("batchSize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return Math.Clamp(size, MinBatchSize, MaxBatchSize);
            }
        }
        return DefaultBatchSize;
    }

    private static bool IsServedVersion(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success) return false;
        var number = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        return number is >= 20 and <= 66;
    }

    private static int CompareValues(object? a, object? b)
    {
        // Nulls sort first in ascending order (SOQL's default NULLS FIRST).
        if (a is null) return b is null ? 0 : -1;
        if (b is null) return 1;
        if (a is decimal x && b is decimal y) return x.CompareTo(y);
        if (a is long l && b is long m) return l.CompareTo(m);
        return string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses the SOQL subset; null with the error when the statement is outside it or names unknown things.</summary>
    private static Soql? ParseSoql(string q, out (string Code, string Message)? error)
    {
        error = null;
        var match = SoqlPattern().Match(q);
        if (!match.Success)
        {
            error = ("MALFORMED_QUERY", "unexpected token in the query: the sandbox serves SELECT field, … FROM object [WHERE Id = '…'] [ORDER BY field [ASC|DESC]] [LIMIT n]");
            return null;
        }
        var objectName = match.Groups["object"].Value;
        var type = SalesforceSchema.Find(objectName);
        if (type is null)
        {
            error = ("INVALID_TYPE", $"\n{q}\n{new string(' ', match.Groups["object"].Index)}^\nERROR at Row:1:Column:{match.Groups["object"].Index + 1}\nsObject type '{objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");
            return null;
        }

        var fields = new List<string>();
        var listGroup = match.Groups["fields"];
        var position = listGroup.Index;
        foreach (var raw in listGroup.Value.Split(','))
        {
            var name = raw.Trim();
            var column = position + (raw.Length - raw.TrimStart().Length);
            position += raw.Length + 1;
            var canonical = FieldOfQuery(type, name);
            if (canonical is null)
            {
                error = ("INVALID_FIELD", InvalidFieldMessage(q, column, name, type.Name));
                return null;
            }
            if (!fields.Contains(canonical, StringComparer.OrdinalIgnoreCase)) fields.Add(canonical);
        }

        string? orderBy = null;
        if (match.Groups["order"].Success)
        {
            orderBy = FieldOfQuery(type, match.Groups["order"].Value);
            if (orderBy is null)
            {
                error = ("INVALID_FIELD", InvalidFieldMessage(q, match.Groups["order"].Index, match.Groups["order"].Value, type.Name));
                return null;
            }
        }
        int? limit = null;
        if (match.Groups["limit"].Success)
        {
            if (!int.TryParse(match.Groups["limit"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                error = ("MALFORMED_QUERY", "LIMIT must be a non-negative integer");
                return null;
            }
            limit = n;
        }
        return new Soql(type, fields, match.Groups["id"].Success ? match.Groups["id"].Value : null, orderBy,
            match.Groups["dir"].Success && match.Groups["dir"].Value.Equals("DESC", StringComparison.OrdinalIgnoreCase), limit);
    }

    private static string? FieldOfQuery(SalesforceSObjectType type, string name)
    {
        if (name.Length == 0) return null;
        if (type.TryGetField(name, out var field)) return field.Name;
        var system = SalesforceSchema.SystemFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        if (system is not null) return system;
        if (type.HasComputedName && string.Equals(name, "Name", StringComparison.OrdinalIgnoreCase)) return "Name";
        if (name.EndsWith("__c", StringComparison.OrdinalIgnoreCase) && name.Length > 3) return name;
        return null;
    }

    /// <summary>Where <paramref name="field"/> stands in the select list of <paramref name="q"/> (the caret of the error).</summary>
    private static int ColumnOf(string q, string field)
    {
        var from = q.IndexOf(" FROM ", StringComparison.OrdinalIgnoreCase);
        var index = q.IndexOf(field, StringComparison.OrdinalIgnoreCase);
        return index >= 0 && (from < 0 || index < from) ? index : 0;
    }

    private static string InvalidFieldMessage(string q, int column, string name, string entity)
        => $"\n{q}\n{new string(' ', column)}^\nERROR at Row:1:Column:{column + 1}\nNo such column '{name}' on entity '{entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>[A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)\s+FROM\s+(?<object>[A-Za-z0-9_]+)(?:\s+WHERE\s+Id\s*=\s*'(?<id>[A-Za-z0-9]{1,18})')?(?:\s+ORDER\s+BY\s+(?<order>[A-Za-z0-9_]+)(?:\s+(?<dir>ASC|DESC))?)?(?:\s+LIMIT\s+(?<limit>[0-9]+))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoqlPattern();
}
