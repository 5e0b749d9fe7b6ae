namespace CrmGen.Generator.Tests.Parsing;

/// <summary>
/// Valid .crmmap texts: the examples of the language reference (generator/README.md), the
/// design sketch, and fuller provider definitions that use every construct. Each must parse with
/// no diagnostics; they also seed the fuzz corpus.
/// </summary>
internal static class CrmMapExamples
{
    /// <summary>The first example of the language reference.</summary>
    public const string ReadmeClose = """
        // close.crmmap
        provider close {
          display_name "Close"
          base_url     "https://api.close.com/api/v1"
          auth         basic(credentials.api_key, "")
          errors       { message <- error }

          resource pipelines {
            create POST "/pipeline/" {
              requires name
              write { name <- name }
              read {
                id         <- id
                name       <- name
                stages     <- statuses each { id <- id, name <- label, status <- type via stage_status }
                created_at <- date_created as datetime
                updated_at <- date_updated as datetime
              }
            }
          }

          enum stage_status { "active" -> "open", "won" -> "won", "lost" -> "lost" }
        }
        """;

    /// <summary>The sketch of the language in the design document.</summary>
    public const string DesignSketch = """
        provider close {
          display_name "Close"
          base_url     "https://api.close.com/api/v1"
          auth         basic(credentials.api_key, "")
          errors       { message <- error }

          resource pipelines {
            create POST "/pipeline/" {
              requires name
              write { name <- name }
              read  {
                id         <- id
                name       <- name
                stages     <- statuses each { id <- id, name <- label, status <- type }
                created_at <- date_created as datetime
                updated_at <- date_updated as datetime
              }
            }
          }
        }
        """;

    /// <summary>Every row of the reference's provider-settings table, in one provider.</summary>
    public const string ReadmeSettings = """
        provider settings_table {
          display_name "HubSpot"
          base_url "https://api.hubapi.com"
          base_url "{context.instance_url}/services/data/v60.0"
          auth bearer(credentials.access_token)
          auth oauth2(credentials.access_token)
          auth basic(credentials.api_key, "")
          auth api_key_header("X-API-KEY", credentials.api_key)
          auth api_key_query("api_token", credentials.api_token)
          auth none
          header "Version" "2021-07-28"
          context location_id required
          errors { message <- message, code <- category }
          enum name { "a" -> "b", else -> "c" }
        }
        """;

    /// <summary>The operation shape, path templates, query, headers and requires of the reference.</summary>
    public const string ReadmeOperations = """
        provider operations_table {
          base_url "https://example.com"
          auth none
          resource contacts {
            KIND METHOD "path/template/{hole}" { members }
            list GET "/contacts" {
              query { limit <- "100", locationId <- context.location_id }
              read from contacts { id <- id }
            }
            get GET "/contacts/{id}" { read from contact { id <- id } }
            create POST "/contacts" {
              requires first_name, email_addresses
              header "X-Name" "value"
              write { first_name <- first_name }
            }
            update PATCH "/contacts/{id}" { path { id <- entity_id } write { last_name <- last_name } }
            delete DELETE "/contacts/{id}" { }
            action link PUT "/contacts/{id}/link" { map { id <-> id } }
          }
        }
        """;

    /// <summary>The mapping blocks, custom fields and every row of the expression table of the reference.</summary>
    public const string ReadmeExpressions = """
        provider expressions_table {
          base_url "https://example.com"
          auth none
          enum stage_status { "active" -> "open", "won" -> "won", "lost" -> "lost", else -> "open" }
          resource contacts {
            get GET "/contacts/{id}" {
              read {
                a <- a.b.c
                b <- a[0].b
                c <- "odd key".x
                d <- "text"
                e <- 12.5
                f <- true
                g <- false
                h <- null
                name <- "{first_name} {last_name}"
                i <- a ?? b
                j <- if cond then a else b
                k <- if cond then a
                l <- a == b
                m <- a != b
                n <- a && b
                o <- a || b
                p <- !a
                q <- x as datetime
                r <- x via stage_status
                s <- list each { id <- id, name <- label }
                t <- list each name
                u <- [ a, b ]
                v <- { id <- id }
                w <- split(x, ",")
                x <- @FormatPhone(x)
                custom_fields <- properties.*
                status <- type via stage_status
                tags <- split(x, ",")
                tags2 <- tags each $
                when <- a as datetime ?? b
                phone_numbers <- [ { number <- @NormalizePhone(properties.phone), type <- "phone" } ]
              }
              write {
                properties.email <- email
                properties.firstname <- first_name
                properties.* <- custom_fields
              }
              map {
                custom_fields <-> properties.*
                created_at <-> createdate as datetime
                stage <-> status via stage_status
                stages <-> statuses each { id <-> id, name <-> label }
              }
            }
          }
        }
        """;

    /// <summary>A HubSpot-style provider: nested write paths, custom fields, hooks, interpolation.</summary>
    public const string HubSpot = """
        /* HubSpot CRM v3 */
        provider hubspot {
          display_name "HubSpot"
          base_url "https://api.hubapi.com"
          auth bearer(credentials.access_token)
          errors { message <- message, code <- category }

          enum lifecycle {
            "lead" -> "lead"
            "customer" -> "customer"
            else -> "other"
          }

          resource contacts {
            list GET "/crm/v3/objects/contacts" {
              query { limit <- "100" }
              read from results {
                id <- id
                first_name <- properties.firstname
                last_name <- properties.lastname
                name <- "{properties.firstname} {properties.lastname}"
                email_addresses <- [ { email <- properties.email, is_primary <- true } ]
                phone_numbers <- [ { number <- @NormalizePhone(properties.phone), type <- "phone" } ]
                stage <- properties.lifecyclestage via lifecycle
                created_at <- createdAt as datetime
                updated_at <- updatedAt as datetime
                custom_fields <- properties.*
              }
            }
            create POST "/crm/v3/objects/contacts" {
              requires first_name
              write {
                properties.firstname <- first_name
                properties.lastname <- last_name
                properties.email <- first(email_addresses each email)
                properties.* <- custom_fields
              }
              read { id <- id }
            }
            action associate PUT "/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}" {
              path {
                fromObjectType <- "contacts"
                fromObjectId <- id
                toObjectType <- lower(to_type)
                toObjectId <- to_id
              }
            }
          }
        }
        """;

    /// <summary>A HighLevel-style provider: context values, version header, two-way maps, conditions.</summary>
    public const string HighLevel = """
        provider highlevel {
          display_name "HighLevel"
          base_url "https://services.leadconnectorhq.com"
          auth oauth2(credentials.access_token)
          header "Version" "2021-07-28"
          context location_id required

          resource contacts {
            get GET "/contacts/{id}" {
              read from contact {
                id <- id
                first_name <- firstName
                tags <- tags each $
                is_active <- if dnd == true then false else true
                owner <- assignedTo ?? "unassigned"
                score <- if exists(score) && score != null then score as decimal
                amount <- amount_cents as cents
                birthday <- dateOfBirth as date
                seen_at <- lastSeen as epoch_ms
                synced_at <- syncedAt as epoch_s
                count <- total as int
                label <- code as string
                flag <- enabled as bool
                joined <- join(tags, ";")
                upper_name <- upper(trim(firstName))
                negative <- -3
                neg_decimal <- -0.5
                escaped <- "quote \" backslash \\ slash \/ tab \t newline \n unicode \u00e9"
                braces <- "{{literal}} {firstName}!"
                nested <- (a ?? (b ?? c))
              }
            }
            create POST "/contacts/" {
              query { locationId <- context.location_id }
              header "X-Request" "{context.location_id}-create"
              map {
                first_name <-> firstName
                email <-> email
                custom_fields <-> customFields.*
              }
            }
            action relate POST "/associations/relations" {
              write {
                locationId <- context.location_id
                firstRecordId <- from_id
                secondRecordId <- to_id
                "odd-key".value <- $.x
                list[0].x <- y
              }
            }
          }
        }
        """;

    /// <summary>Two providers in one file, comments of both forms, and optional commas.</summary>
    public const string TwoProviders = """
        provider salesforce {
          display_name "Salesforce", base_url "{context.instance_url}/services/data/v60.0"
          auth bearer(credentials.access_token)
          context instance_url required
          resource accounts {
            list GET "/query" { read from records { id <- Id, name <- Name, } }
          }
        }

        // the second one
        provider pipedrive {
          base_url "https://api.pipedrive.com/v1" /* inline */ auth api_key_query("api_token", credentials.api_token)
          resource deals {
            delete DELETE "/deals/{id}" {}
          }
        }
        """;

    /// <summary>Small valid files, one or two constructs each: short seeds keep the fuzz corpus fast and varied.</summary>
    public static readonly (string Name, string Text)[] Small =
    {
        ("MinimalProvider", "provider p { base_url \"https://x\" auth none }"),
        ("OneMapping", "provider p { resource r { get GET \"/r/{id}\" { read { id <- id } } } }"),
        ("TwoWay", "provider p { resource r { create POST \"/r\" { map from data { a <-> b as datetime, c <-> d.* } } } }"),
        ("Projection", "provider p { resource r { list GET \"/r\" { read from items { s <- xs each { id <- $.id, n <- @Hook(name, 1) } } } } }"),
        ("Conditions", "provider p { errors { message <- if a == \"x\" && !b then c ?? \"d\" else first([e, f]) } }"),
        ("Interpolation", "provider p {\n  base_url \"{context.host}/v1/{{literal}}\"\n  header \"X\" \"{credentials.key}\"\n}"),
        ("EnumTable", "provider p { enum t { \"a\" -> 1, -2.5 -> true, null -> \"n\", else -> false } }"),
        ("Action", "provider p { resource r { action link PUT \"/a/{id}\" { requires x, y path { id <- x } query { q <- split(y, \",\") } } } }"),
        ("KeyPattern", "provider p { resource r { get GET \"/r/{id}\" { read { c <- * matching \"^cf_[0-9a-f]{8}$\", d <- x.* matching \"^custom\\\\.\" } } } }"),
    };

    public static readonly (string Name, string Text)[] All =
    {
        (nameof(ReadmeClose), ReadmeClose),
        (nameof(DesignSketch), DesignSketch),
        (nameof(ReadmeSettings), ReadmeSettings),
        (nameof(ReadmeOperations), ReadmeOperations),
        (nameof(ReadmeExpressions), ReadmeExpressions),
        (nameof(HubSpot), HubSpot),
        (nameof(HighLevel), HighLevel),
        (nameof(TwoProviders), TwoProviders),
    };
}
