namespace HelpDesk.Resources;

/// <summary>Where a ticket is in its life.</summary>
public enum TicketStatus
{
    Open,
    InProgress,
    Closed,
}
