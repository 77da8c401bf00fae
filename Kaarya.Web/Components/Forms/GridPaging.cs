using MudBlazor;

namespace Kaarya.Web.Components.Forms;

/// <summary>How every server-paged list in Kaarya answers a changed filter.</summary>
public static class GridPaging
{
    /// <summary>
    /// A changed filter starts again at the first page: page 3 of the old list means nothing in the
    /// new one. Moving to the first page loads it; on the first page, the grid is asked to reload.
    /// </summary>
    public static Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null)
        {
            return Task.CompletedTask;
        }

        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(Page.First);
            return Task.CompletedTask;
        }

        return grid.ReloadServerData();
    }
}
