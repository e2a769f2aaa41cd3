namespace HelpDesk.Resources;

/// <summary>What a user may do in the help desk.</summary>
public enum UserRole
{
    Customer,
    Agent,
    Admin,
}
