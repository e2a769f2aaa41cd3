namespace HelpDesk.Resources;

/// <summary>
/// The names of <see cref="Ticket"/>'s named actions, so callers' action names are checked by the compiler:
/// <c>helpdesk.CreateAsync(ticket, TicketActions.Open)</c>. An unknown name still fails at run time with
/// <c>NoSuchAction</c>, listing the actions.
/// </summary>
public static class TicketActions
{
    /// <summary>Opens a ticket: subject, body, priority, labels, organization and reporter.</summary>
    public const string Open = "open";

    /// <summary>Assigns a ticket and marks it in progress.</summary>
    public const string Assign = "assign";

    /// <summary>Closes a ticket.</summary>
    public const string Close = "close";
}
