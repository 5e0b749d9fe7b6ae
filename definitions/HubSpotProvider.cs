using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;

namespace CrmGen.Providers;

/// <summary>
/// HubSpot (CRM APIs v3 and v4). The adapter is generated from <c>hubspot.crmmap</c>; the static
/// methods here are the hooks that mapping calls.
/// </summary>
[CrmProvider("hubspot")]
public sealed partial class HubSpotProvider
{
    private const string ProviderName = "hubspot";
    private const string LinksResource = "association_links";

    /// <summary>
    /// The stages a deal pipeline created without stages gets: the stages of HubSpot's own default
    /// sales pipeline ("Deal Pipelines API" overview), with their probabilities.
    /// </summary>
    public static IReadOnlyList<(string Label, string Probability, bool IsClosed)> DefaultDealStages { get; } = new[]
    {
        ("Appointment Scheduled", "0.2", false),
        ("Qualified To Buy", "0.4", false),
        ("Presentation Scheduled", "0.6", false),
        ("Decision Maker Bought-In", "0.8", false),
        ("Contract Sent", "0.9", false),
        ("Closed Won", "1.0", true),
        ("Closed Lost", "0.0", true),
    };

    // Unified record types whose HubSpot object types have no default association between them
    // (HubSpot defines lead associations to contacts and companies only).
    private static readonly HashSet<(string, string)> UnlinkablePairs = new()
    {
        ("opportunities", "leads"),
        ("leads", "opportunities"),
        ("leads", "leads"),
    };

    /// <summary>The last word of a full name, for a contact given only <c>name</c>.</summary>
    public static string? LastNameOf(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return null;
        var trimmed = fullName.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? null : trimmed.Substring(space + 1);
    }

    /// <summary>First and last name joined by a space; null when both are missing.</summary>
    public static string? FullName(string? firstName, string? lastName)
    {
        var hasFirst = !string.IsNullOrEmpty(firstName);
        var hasLast = !string.IsNullOrEmpty(lastName);
        if (hasFirst && hasLast) return firstName + " " + lastName;
        return hasFirst ? firstName : hasLast ? lastName : null;
    }

    /// <summary>The first phone number of the given type (HubSpot has one property per type).</summary>
    public static string? PhoneOfType(List<PhoneNumber>? numbers, string type)
    {
        if (numbers is null) return null;
        foreach (var number in numbers)
        {
            if (string.Equals(number.Type, type, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(number.Number))
            {
                return number.Number;
            }
        }
        // An untyped number counts as the main phone.
        if (type == "phone")
        {
            foreach (var number in numbers)
            {
                if (number.Type is null && !string.IsNullOrEmpty(number.Number)) return number.Number;
            }
        }
        return null;
    }

    /// <summary>
    /// The stage inputs of a deal pipeline create: one per unified stage, in order, or
    /// <see cref="DefaultDealStages"/> when there are none. A stage's <c>displayOrder</c> is its
    /// position; its probability follows its status: <c>won</c> 1.0 and <c>lost</c> 0.0 (both
    /// closed), any other status an open stage. Open stages get evenly spread probabilities
    /// below 1.0 in HubSpot's steps of 0.1 (one open stage 0.5; three 0.3, 0.5, 0.8),
    /// never 0.0 or 1.0, which HubSpot reserves for closed stages.
    /// </summary>
    public static List<DealStageInput> DealStageInputs(List<Stage>? stages)
    {
        var inputs = new List<DealStageInput>();
        if (stages is null || stages.Count == 0)
        {
            foreach (var (label, probability, isClosed) in DefaultDealStages)
            {
                inputs.Add(new DealStageInput
                {
                    Label = label,
                    DisplayOrder = inputs.Count,
                    Probability = probability,
                    IsClosed = isClosed ? "true" : "false",
                });
            }
            return inputs;
        }

        var openCount = 0;
        foreach (var stage in stages)
        {
            if (ClosedProbability(stage?.Status) is null) openCount++;
        }

        var openIndex = 0;
        foreach (var stage in stages)
        {
            var closed = ClosedProbability(stage?.Status);
            string probability;
            if (closed is { } fixedProbability)
            {
                probability = fixedProbability;
            }
            else
            {
                openIndex++;
                var spread = Math.Round((decimal)openIndex / (openCount + 1), 1, MidpointRounding.AwayFromZero);
                probability = Math.Clamp(spread, 0.1m, 0.9m).ToString("0.0", CultureInfo.InvariantCulture);
            }
            inputs.Add(new DealStageInput
            {
                Label = stage?.Name,
                DisplayOrder = inputs.Count,
                Probability = probability,
                IsClosed = closed is null ? "false" : "true",
            });
        }
        return inputs;
    }

    /// <summary>
    /// The unified status of a deal stage from its metadata (text, as HubSpot returns it):
    /// <c>won</c> for a closed stage of probability 1, <c>lost</c> for any other closed stage,
    /// <c>open</c> otherwise; null when the stage has no metadata.
    /// </summary>
    public static string? DealStageStatus(string? isClosed, string? probability)
    {
        if (isClosed is null && probability is null) return null;
        if (!string.Equals(isClosed, "true", StringComparison.OrdinalIgnoreCase)) return "open";
        return decimal.TryParse(probability, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 1m
            ? "won"
            : "lost";
    }

    /// <summary>
    /// The HubSpot object type a link starts from, after checking that HubSpot can link the pair:
    /// both unified record types have a HubSpot object type (<paramref name="fromObjectType"/> and
    /// <paramref name="toObjectType"/> are their entries in the mapping's object-type table), and
    /// HubSpot defines a default association between them.
    /// </summary>
    /// <exception cref="CrmNotSupportedException">HubSpot cannot link the pair (no request is sent).</exception>
    public static string LinkableObjectType(string? entity, string? target, string? fromObjectType, string? toObjectType)
    {
        if (string.IsNullOrEmpty(entity) || string.IsNullOrEmpty(target))
        {
            // 'requires' has already refused a link without both types.
            throw new CrmNotSupportedException(ProviderName, LinksResource, "create", "HubSpot needs both record types of a link.");
        }
        if (fromObjectType is null || toObjectType is null)
        {
            var unknown = fromObjectType is null ? entity : target;
            throw new CrmNotSupportedException(ProviderName, LinksResource, "create",
                $"HubSpot cannot link {entity} to {target}: '{unknown}' has no HubSpot object type (HubSpot links accounts, contacts, leads and opportunities).");
        }
        if (UnlinkablePairs.Contains((entity, target)))
        {
            throw new CrmNotSupportedException(ProviderName, LinksResource, "create",
                $"HubSpot cannot link {entity} to {target}: it defines no default association between {fromObjectType} and {toObjectType}.");
        }
        return fromObjectType;
    }

    /// <summary>One stage of a HubSpot deal pipeline create request (what <see cref="DealStageInputs"/> builds).</summary>
    [UnifiedModel]
    public sealed class DealStageInput
    {
        /// <summary>The stage name, unique within the pipeline.</summary>
        [JsonPropertyName("label")] public string? Label { get; set; }

        /// <summary>The stage's position, from 0.</summary>
        [JsonPropertyName("display_order")] public long DisplayOrder { get; set; }

        /// <summary>The probability that a deal at this stage closes, as text from <c>0.0</c> to <c>1.0</c>.</summary>
        [JsonPropertyName("probability")] public string? Probability { get; set; }

        /// <summary><c>true</c> for a closed (won or lost) stage, <c>false</c> otherwise.</summary>
        [JsonPropertyName("is_closed")] public string? IsClosed { get; set; }
    }

    private static string? ClosedProbability(string? status)
    {
        if (string.Equals(status, "won", StringComparison.OrdinalIgnoreCase)) return "1.0";
        if (string.Equals(status, "lost", StringComparison.OrdinalIgnoreCase)) return "0.0";
        return null;
    }
}
