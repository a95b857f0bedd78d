// The media type of a Word document, on its own: the routes name it without loading the docx
// library (render.ts), which a worker thread loads when it renders.

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
