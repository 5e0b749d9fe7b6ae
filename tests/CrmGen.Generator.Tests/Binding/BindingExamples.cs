namespace CrmGen.Generator.Tests.Binding;

/// <summary>
/// .crmmap texts that must bind with no diagnostics against the runtime models and
/// <see cref="BindingTestHost.ProviderClasses"/>: the language reference's examples and a
/// provider that uses every construct it describes.
/// </summary>
internal static class BindingExamples
{
    /// <summary>The first example of the language reference (generator/README.md).</summary>
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

    /// <summary>The hook example of the language reference, inside a provider.</summary>
    public const string ReadmeHook = """
        provider hubspot {
          display_name "HubSpot"
          base_url     "https://api.hubapi.com"
          auth         bearer(credentials.access_token)

          resource contacts {
            get GET "/crm/v3/objects/contacts/{id}" {
              read {
                phone_numbers <- [ { number <- @NormalizePhone(properties.phone), type <- "phone" } ]
              }
            }
          }
        }
        """;

    /// <summary>Every auth scheme of the settings table, one provider each (the provider name is filled in).</summary>
    public static readonly string[] AuthSchemes =
    {
        "auth bearer(credentials.access_token)",
        "auth oauth2(credentials.access_token)",
        "auth basic(credentials.api_key, \"\")",
        "auth api_key_header(\"X-API-KEY\", credentials.api_key)",
        "auth api_key_query(\"api_token\", credentials.api_token)",
        "auth none",
    };

    /// <summary>A provider of the test class using every setting, operation kind, block and expression form.</summary>
    public const string Everything = """
        provider test {
          display_name "Test CRM"
          base_url     "{context.instance_url}/services/data/v60.0"
          auth         api_key_header("X-API-KEY", credentials.api_key)
          header       "Version" "2021-07-28"
          header       "X-Location" context.location_id
          header       "X-Secret" credentials.secret
          context      instance_url required
          context      location_id
          errors       { message <- error.message ?? message, code <- "{error.code}" }

          enum stage_status { "active" -> "open", "won" -> "won", "lost" -> "lost", else -> "open" }
          enum phone_kind { "mobile" -> "mobile", "work" -> "phone", "home" -> "home" }

          resource contacts {
            list GET "/contacts" {
              query { limit <- "100", locationId <- context.location_id }
              read from results {
                id         <- id
                first_name <- properties.firstname
                last_name  <- properties."last name"
                name       <- "{properties.firstname} {properties.lastname}"
                title      <- if properties.title != null then properties.title else properties.role
                email_addresses <- emails each { email <- address, type <- kind ?? "work" }
                phone_numbers   <- phones each { number <- @NormalizePhone(value), type <- kind via phone_kind }
                tags       <- tag_list each { name <- $ }
                account    <- { id <- company.id, name <- company.name }
                owner      <- if exists(owner_id) then { id <- owner_id }
                created_at <- createdAt as datetime
                updated_at <- updatedAt as epoch_ms ?? modifiedAt as epoch_s
                last_activity_at <- @ParseDate(lastActivity)
                custom_fields <- properties.*
              }
            }

            get GET "/contacts/{id}" {
              map from contact {
                id              <-> id
                first_name      <-> firstName
                email_addresses <-> emails each { email <-> address, type <-> kind }
                created_at      <-> created as datetime
                custom_fields   <-> extra.*
              }
            }

            create POST "/contacts/{location}" {
              requires first_name, email_addresses
              path  { location <- context.location_id }
              query { notify <- "true" }
              header "X-Request" "create"
              write {
                properties.firstname <- first_name
                properties.lastname  <- last_name ?? @FullName(first_name, last_name)
                properties.email     <- email_addresses[0].email
                properties.emails    <- email_addresses each { address <- email, primary <- $.type == "work" }
                properties.tags      <- join(tags each name, ",")
                properties.phone     <- @PhoneOfType(phone_numbers, "phone")
                properties.upper     <- upper(title)
                properties.lower     <- lower(trim(description))
                properties.created   <- created_at as epoch_s
                properties.active    <- !exists(etag) && (first_name == "x" || last_name != null)
                properties.*         <- custom_fields
                company              <- { id <- account.id }
                ids                  <- [ account.id, owner.id ]
                "odd key".value      <- name
              }
              read from data { id <- id, first_name <- first_name }
            }

            update PATCH "/contacts/{id}" {
              map {
                first_name    <-> properties.firstname
                created_at    <-> properties.created as date
                tags          <-> labels each { name <-> label }
                custom_fields <-> properties.*
              }
            }

            delete DELETE "/contacts/{id}" { }

            action merge POST "/contacts/{contact_id}/merge" {
              path { contact_id <- id }
              write { into <- email_addresses[0].email, first_tag <- first(tags each name) }
              read { id <- id }
            }
          }

          resource opportunities {
            create POST "/deals" {
              requires name
              map {
                name       <-> title
                amount     <-> value as cents
                status     <-> state via stage_status
                close_date <-> closes_on as date
                stage.id   <-> stage_id
              }
            }
          }

          resource users {
            list GET "/users" {
              read from users {
                id        <- id
                is_active <- active ?? status == "active"
                email     <- first(emails each $)
              }
            }
          }
        }
        """;
}
