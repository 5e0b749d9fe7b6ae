using System;

namespace CrmGen.Sandbox;

/// <summary>
/// An association definition of a HighLevel location: which two object types may be linked, and
/// under which labels. Relations between records name it by <see cref="Id"/>.
/// </summary>
/// <param name="Id">The association id (the <c>associationId</c> of a relation).</param>
/// <param name="LocationId">The location it belongs to.</param>
/// <param name="Key">The association's unique key, e.g. <c>contact_opportunity</c>.</param>
/// <param name="FirstObjectKey">The first object type, e.g. <c>contact</c> or <c>custom_objects.children</c>.</param>
/// <param name="FirstObjectLabel">The first object's label in the association.</param>
/// <param name="SecondObjectKey">The second object type, e.g. <c>opportunity</c>.</param>
/// <param name="SecondObjectLabel">The second object's label in the association.</param>
/// <param name="AssociationType"><c>USER_DEFINED</c> or <c>SYSTEM_DEFINED</c>.</param>
public sealed record HighLevelAssociation(
    string Id,
    string LocationId,
    string Key,
    string FirstObjectKey,
    string FirstObjectLabel,
    string SecondObjectKey,
    string SecondObjectLabel,
    string AssociationType);

/// <summary>A relation between two records, made through an association definition.</summary>
/// <param name="Id">The relation id.</param>
/// <param name="LocationId">The location it belongs to.</param>
/// <param name="AssociationId">The association definition it follows.</param>
/// <param name="FirstRecordId">The record of the definition's first object type.</param>
/// <param name="SecondRecordId">The record of the definition's second object type.</param>
/// <param name="CreatedAt">When the relation was made.</param>
public sealed record HighLevelRelation(
    string Id,
    string LocationId,
    string AssociationId,
    string FirstRecordId,
    string SecondRecordId,
    DateTimeOffset CreatedAt);
