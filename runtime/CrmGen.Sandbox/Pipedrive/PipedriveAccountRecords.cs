namespace CrmGen.Sandbox;

/// <summary>A user of the emulated Pipedrive company.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Email">The user's e-mail address.</param>
/// <param name="IsAdmin">Whether the user is an admin (only admins may set <c>add_time</c>).</param>
public sealed record PipedriveUser(long Id, string Name, string Email, bool IsAdmin);

/// <summary>An organization of the emulated Pipedrive company.</summary>
/// <param name="Id">The organization id.</param>
/// <param name="Name">The organization's name.</param>
/// <param name="OwnerId">The id of the user who owns it.</param>
/// <param name="Address">Its address, if any.</param>
public sealed record PipedriveOrganization(long Id, string Name, long OwnerId, string? Address);

/// <summary>An option of the person <c>label</c> field.</summary>
/// <param name="Id">The option id (what <c>label</c> and <c>label_ids</c> hold).</param>
/// <param name="Name">The label's name.</param>
/// <param name="Color">The label's colour.</param>
public sealed record PipedriveLabel(long Id, string Name, string Color);

/// <summary>A custom field of persons.</summary>
/// <param name="Key">The field's API key: a 40-character hash, the key of its value in a person's JSON.</param>
/// <param name="Name">The field's name as shown to users.</param>
/// <param name="FieldType">The field type (<c>varchar</c>, <c>double</c>, <c>date</c>…).</param>
public sealed record PipedriveCustomField(string Key, string Name, string FieldType);
